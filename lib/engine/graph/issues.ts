/** Validation findings, phrased for the person editing the canvas. */

export const VALIDATION_CODES = [
  "invalid_graph",
  "duplicate_id",
  "trigger_count",
  "unknown_trigger",
  "unknown_operation",
  "missing_connection",
  "missing_required_input",
  "secret_not_set",
  "unknown_input",
  "dangling_edge",
  "invalid_source_handle",
  "edge_into_trigger",
  "unreachable_node",
  "cycle",
  "loop_body_leak",
  "reference_not_upstream",
  "loop_item_outside_body",
  "reference_may_be_skipped",
  "unknown_reference_path",
  "type_mismatch",
  "unlabelled_branch_output",
  "invalid_condition",
  "invalid_mapping",
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export type ValidationIssue = {
  severity: "error" | "warning";
  code: ValidationCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** Where in the node: `inputs.email`, `condition`, `cases[0].label`, `items`. */
  field?: string;
};

export type ValidationResult = { ok: boolean; errors: ValidationIssue[]; warnings: ValidationIssue[] };

type Where = Pick<ValidationIssue, "nodeId" | "edgeId" | "field">;

export class IssueCollector {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  error(code: ValidationCode, message: string, where: Where = {}): void {
    this.errors.push({ severity: "error", code, message, ...where });
  }

  warn(code: ValidationCode, message: string, where: Where = {}): void {
    this.warnings.push({ severity: "warning", code, message, ...where });
  }

  result(): ValidationResult {
    return { ok: this.errors.length === 0, errors: this.errors, warnings: this.warnings };
  }
}
