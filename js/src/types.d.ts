// The objects that cross between JavaScript and StarCheck's core: the
// core's serde forms (snake_case members, dates as "2025-01-06", civil
// date-times as "2025-01-06T17:00:00", months as "2024-10"). wasm-bindgen
// puts this text into starcheck.d.ts beside the functions' declarations.
// Written by hand: a change to a core type's serde form must be made here
// too (js-module.test.mjs checks the functions' declarations, not these).

/** An amount of yuan with two places, always a string: "60000.00". */
export type Money = string;

/** A refusal: every function returns one instead of throwing. */
export interface StarcheckError {
  ok: false;
  /** Stable: `checksum_mismatch`, `wrong_type`, `money_as_number`, … */
  code: string;
  /** A lowercase English sentence, for logs. */
  message: string;
  /** What a user reads, in Chinese. */
  message_zh: string;
  /** The member at fault, e.g. `ledger.expenditures[0].amount`. */
  path?: string;
}

export interface Community {
  district: string;
  street: string;
  name: string;
}

export interface ScoreRange {
  low: number;
  high: number;
}

export type GateState = "pass" | "fail" | "not_assessed";
export type Purpose =
  | "facilities"
  | "science_base"
  | "publicity"
  | "activities"
  | "other";
export type Container = "recyclable" | "hazardous" | "kitchen" | "residual";

/** One answered fact, in the shape its rule expects. */
export type Fact =
  | { yes_no: boolean }
  | { count: number }
  | { range: { low: number; high: number } }
  | { kinds: { ticked?: string[]; other?: string[] } }
  | { meetings: { date: string; note?: string }[] }
  | { reports: { month: string; sent_on: string }[] }
  | {
      places: {
        name: string;
        features?: string[];
        containers?: Container[];
      }[];
    };

export interface PlanLine {
  purpose: Purpose;
  planned: Money;
  note?: string;
}

export interface Expenditure {
  date: string;
  purpose: Purpose;
  description?: string;
  amount: Money;
  designated: boolean;
  documents?: { transfer_voucher?: boolean; payment_voucher?: boolean };
}

/**
 * An assessment as a file-shaped object: the members of an exported file
 * (schema/starcheck-assessment.v1.schema.json). A parsed exported file is
 * one; the header, the summary and the checksum may be left out.
 */
export interface AssessmentInput {
  schema_version?: number;
  rubric?: { id: string; version: number };
  app_version?: string;
  exported_at?: string;
  community: Community;
  as_of: string;
  /** Item number → rule id → fact. */
  facts?: Record<string, Record<string, Fact>>;
  /** Items found falsified (弄虚作假). */
  falsified?: number[];
  /** Bonus item number → part id → count. */
  bonus?: Record<string, Record<string, number>>;
  ledger?: { plan?: PlanLine[]; expenditures?: Expenditure[] };
  summary?: Summary;
  checksum?: string;
}

/** The file format's summary of a scoring. */
export interface Summary {
  base: ScoreRange;
  base_max: number;
  bonus: ScoreRange;
  bonus_max: number;
  total: ScoreRange;
  outcome: GateState;
  spent: Money;
  spending_line: Money;
  categories: { name: string; max: number; score: ScoreRange }[];
  gates: { gate: "designated_use" | "spending"; state: GateState }[];
  items: {
    number: number;
    max: number;
    score: ScoreRange;
    status: ItemStatus;
  }[];
}

export type ItemStatus = "assessed" | "partial" | "not_assessed" | "falsified";

export interface ItemResult {
  number: number;
  category: string;
  title: string;
  max: number;
  score: ScoreRange;
  status: ItemStatus;
  deductions: {
    rule_id: string;
    points: number;
    zeroes_item: boolean;
    reason: string;
    applies: "both" | "low_only";
  }[];
  pending: { rule_id: string; month: string; overdue: boolean; text: string }[];
  unanswered: { rule_id: string; question: string }[];
  graded: ScoreRange | null;
  months: { month: string; state: { state: string; on?: string } }[];
}

export interface GateResult {
  kind: "designated_use" | "spending";
  wording: string;
  state: GateState;
  margin: { kind: "surplus" | "shortfall"; amount: Money } | null;
  failing_entries: { index: number; label: string; label_en: string; amount: Money }[];
  /** e.g. "已支出 ¥65,000.00(81.25%),…". */
  summary: string;
}

/** Everything that follows from one assessment. */
export interface Evaluation {
  rubric_id: string;
  rubric_version: number;
  community: Community;
  as_of: string;
  items: ItemResult[];
  categories: {
    name: string;
    max: number;
    score: ScoreRange;
    items: number[];
  }[];
  base: ScoreRange;
  base_max: number;
  bonus: {
    items: {
      number: number;
      title: string;
      parts: { id: string; label: string; count: number; points: number }[];
      raw: number;
      cap: number;
      points: number;
      excess: number;
    }[];
    raw: number;
    points: number;
    excess: number;
    max: number;
  };
  total: ScoreRange;
  gates: GateResult[];
  outcome: GateState;
  ledger: {
    has_expenditures: boolean;
    spent: Money;
    not_designated: Money;
    /** Percentage of the base subsidy spent, floored: "81.25". */
    percent: string;
    line: Money;
    to_line: Money;
    above_line: Money;
    planned: Money;
    purposes: {
      purpose: Purpose;
      planned: Money;
      spent: Money;
      unspent: Money;
      over_plan: Money;
    }[];
    missing_documents: number;
    at_risk: boolean;
  };
  fix_first: {
    kind: string;
    item: number | null;
    rule_id: string | null;
    action: string;
    points: number;
  }[];
  issues: { item: number; rule_id: string | null; kind: { problem: string } }[];
}

/** `checkFile`: an exported file, accepted. */
export interface CheckedFile {
  ok: true;
  /** "鲤城区开元街道新春社区": the community's id in a ranking. */
  key: string;
  community: Community;
  as_of: string;
  exported_at: string | null;
  app_version: string;
  schema_version: number;
  rubric: { id: string; version: number };
  rubric_differs: boolean;
  had_bom: boolean;
  decoded_from: "GB18030" | null;
  /** The core's own scoring (the file's own summary is not trusted). */
  summary: Summary;
  summary_differs: boolean;
  notes_zh: string[];
  evaluation: Evaluation;
}

/** `scoreAssessment`. */
export interface Scored {
  ok: true;
  key: string;
  community: Community;
  as_of: string;
  summary: Summary;
  evaluation: Evaluation;
}

/** `exportFile`: the file as the app exports it. */
export interface ExportedFile {
  ok: true;
  file_name: string;
  text: string;
  summary: Summary;
}

/** An entry of a cohort: an exported file or a file-shaped object. */
export type CohortEntry =
  | string
  | Uint8Array
  | ArrayBuffer
  | { file_name: string; text: string }
  | AssessmentInput;

export interface FileStamp {
  file_name: string;
  as_of: string;
  exported_at: string | null;
}

/** A second file for a community already in: the newer is kept. */
export interface Duplicate {
  community: string;
  kept: FileStamp;
  dropped: FileStamp;
  /** The entry just added is the one kept. */
  replaced: boolean;
}

/** `Cohort.add`: an entry taken. */
export interface Added {
  ok: true;
  index: number;
  key: string;
  file_name: string;
  total: ScoreRange;
  outcome: GateState;
  duplicate: Duplicate | null;
}

/** One row of the district table. */
export interface Row {
  kind: { kind: "ranked" | "unranked" | "empty_slot" };
  id: string;
  rank: number | null;
  district: string;
  street: string;
  community: string;
  base: ScoreRange | null;
  bonus: number | null;
  total: ScoreRange | null;
  gates: {
    gate: string;
    state: GateState;
    verdict: string;
    detail: string;
  }[];
  outcome: GateState | null;
  /** "五星", "四星或三星(同分待定)", "三星名额空缺", … */
  tier: string;
  stars: number | null;
  tie: string | null;
  provisional: boolean;
  /** Overlaps across a quota boundary this row is in (未定). */
  undecided: string[];
  base_subsidy: Money | null;
  extra:
    | { state: "known"; amount: Money }
    | { state: "undetermined" }
    | { state: "none" };
  as_of: string | null;
  exported_at: string | null;
  file_name: string | null;
}

export interface TieFlag {
  ids: string[];
  points: number;
  tiers: string[];
  message: string;
}

/** `rankCohort` and `Cohort.ranking`. */
export interface Ranking {
  ok: true;
  /** Ranked rows in rank order, then empty slots, then unranked rows. */
  rows: Row[];
  ties: TieFlag[];
  totals: {
    base: Money;
    extra: Money;
    extra_undetermined: Money;
    total: Money;
    communities: number;
    ranked: number;
    unranked: number;
    empty_slots: number;
  };
  /** The cohort's own result: standings, tiers filled, money. */
  cohort: {
    quotas: number[];
    standings: {
      id: string;
      rank: number;
      total: ScoreRange;
      placement:
        | { placement: "tier"; tier: string; stars: number }
        | { placement: "tie"; tiers: string[]; beyond_quotas: boolean }
        | { placement: "no_slot" };
      base_subsidy: Money;
      extra: Money | null;
      provisional: boolean;
      undecided: string[];
    }[];
    unranked: {
      id: string;
      total: ScoreRange;
      reason: string;
      base_subsidy: Money;
    }[];
    tiers: {
      tier: string;
      stars: number;
      quota: number;
      extra_each: Money;
      members: string[];
      tied_slots: number;
      empty_slots: number;
    }[];
    ties: TieFlag[];
    /** Score ranges overlapping across a quota boundary: for a person. */
    overlaps: { ids: string[]; tiers: string[]; message: string }[];
    /** Slots within the quotas nobody fills, top first. */
    empty: { position: number; tier: string; failed: string | null }[];
    base_total: Money;
    extra_total: Money;
    total: Money;
  };
  duplicates: Duplicate[];
  refused: {
    index: number;
    file_name: string;
    code: string;
    message: string;
    message_zh: string;
    path?: string;
  }[];
}

/** The built-in rubric. */
export interface Rubric {
  id: string;
  version: number;
  title: string;
  source: string;
  campaign_months: string[];
  report_due_day: number;
  categories: { name: string; max: number }[];
  items: {
    number: number;
    category: string;
    title: string;
    requirement: string;
    rule_lines: string[];
    max: number;
    methods: ("material_check" | "site_check")[];
    materials: string[];
    rules: { id: string; [member: string]: unknown }[];
  }[];
  bonus_items: {
    number: number;
    title: string;
    parts: { id: string; label: string; wording: string; points_each: number }[];
    cap: number;
    methods: ("material_check" | "site_check")[];
  }[];
  falsification: { number: number; wording: string };
  gates: {
    number: number;
    designated_use_wording: string;
    spending_wording: string;
    spending_ratio: string;
  };
  base_subsidy: Money;
  tiers: { name: string; stars: number; quota: number; extra: Money }[];
}
