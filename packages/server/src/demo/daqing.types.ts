/**
 * The plain data of the 大庆市 (230600) demo city in 2021, as returned by `generateDaqingDemo`. Money is exact
 * bigint fen (core's `Fen`); dates are ISO `YYYY-MM-DD` strings; keys are stable strings the loader maps to ids.
 */
import type {
  Fen,
  FinancingModel,
  FundingSourceKind,
  IndustrySection,
  OrganizationKind,
  ProjectCategory,
  ProjectLevel,
  ProjectNature,
  Role,
} from '@keyprojects/core';

/** A district or county of the demo city, with the point its projects are scattered around. */
export interface DemoRegion {
  code: string;
  name: string;
  longitude: number;
  latitude: number;
}

/** An organisation: project owner, responsible unit or DRC office, with a valid 统一社会信用代码. */
export interface DemoOrganization {
  key: string;
  kind: OrganizationKind;
  name: string;
  creditCode: string;
  regionCode: string;
}

/** A funding source of a public project; applied ≥ approved ≥ issued. */
export interface DemoFundingSource {
  kind: FundingSourceKind;
  applied: Fen;
  approved: Fen;
  issued: Fen;
}

/** A key project as it stands on the demo date (2021-05-20). */
export interface DemoProject {
  key: string;
  /** 投资项目统一代码 `YYMM-AAAAAA-DD-TT-NNNNNC`, AAAAAA being `regionCode`. */
  code: string;
  name: string;
  ownerKey: string;
  regionCode: string;
  levels: ProjectLevel[];
  category: ProjectCategory;
  industry: IndustrySection;
  /** Nature in the project's latest plan year (2021, or 2020 for projects finished in 2020). */
  nature: ProjectNature;
  constructionContent: string;
  address: string;
  longitude: number;
  latitude: number;
  totalInvestment: Fen;
  plannedStartDate: string;
  plannedCompletionDate: string;
  plannedProductionDate: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  actualProductionDate: string | null;
  stage: string;
  financingModel: FinancingModel;
  tags: string[];
  inStatistics: boolean;
  inStatisticsSince: string | null;
  responsibleLeader: string;
  contactPerson: string;
  contactPhone: string;
  fundingSources: DemoFundingSource[];
  /** Key of the paired service-officer user, when there is one. */
  serviceOfficerKey: string | null;
}

/** A project's entry on one year's key-project list. */
export interface DemoAnnualPlan {
  projectKey: string;
  year: number;
  plannedInvestment: Fen;
  nature: ProjectNature;
  plannedNewStart: boolean;
}

/** Investment a project completed over a whole calendar year before 2021 (for since-start totals). */
export interface DemoYearCompletion {
  projectKey: string;
  year: number;
  completed: Fen;
}

/**
 * Where a project on a year's list stood on that year's reporting date (5-20): whether it had started (new) or
 * resumed (continuing), on which day, and the investment it completed each month from January to May (May up
 * to the 20th).
 */
export interface DemoStartStatus {
  projectKey: string;
  year: number;
  asOf: string;
  nature: ProjectNature;
  started: boolean;
  startDate: string | null;
  /** Five amounts, January to May. */
  monthlyCompleted: Fen[];
}

/** A demo account; every one uses `DaqingDemo.password`. */
export interface DemoUser {
  key: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  organizationKey: string | null;
}

/** Everything the demo loader needs. */
export interface DaqingDemo {
  cityCode: string;
  cityName: string;
  year: number;
  asOf: string;
  password: string;
  regions: DemoRegion[];
  organizations: DemoOrganization[];
  projects: DemoProject[];
  annualPlans: DemoAnnualPlan[];
  yearCompletions: DemoYearCompletion[];
  startStatus: DemoStartStatus[];
  users: DemoUser[];
}
