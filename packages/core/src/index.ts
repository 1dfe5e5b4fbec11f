export * from './money.ts';
export * from './project-code.ts';
export * from './region.ts';
export * from './credit-code.ts';
export * from './roles.ts';
export * from './codelists.ts';
export * from './messages.ts';
export * from './project.contract.ts';
