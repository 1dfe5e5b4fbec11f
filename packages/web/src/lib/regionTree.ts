import type { ScopeRegion } from '@keyprojects/core';

/** A node of the region TreeSelect. */
export interface RegionNode {
  value: string;
  title: string;
  children?: RegionNode[];
}

/** Nests the user's scope regions under their parents; regions whose parent is outside the scope become roots. */
export function buildRegionTree(regions: readonly ScopeRegion[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const region of regions) nodes.set(region.code, { value: region.code, title: region.name });
  const roots: RegionNode[] = [];
  for (const region of regions) {
    const node = nodes.get(region.code);
    if (!node) continue;
    const parent = region.parentCode ? nodes.get(region.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}
