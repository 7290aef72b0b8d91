import type { Component, Program, ProgramAbilities, ProgramDetails } from '@mesa/shared';
import {
  ComponentIdSchema,
  PriorityConfidenceSchema,
  ConfidenceSchema,
  ProgramStatusSchema,
} from '@mesa/shared';
import type { ComponentRow, ProgramRow } from './portfolio.repository.js';

/** A component row as the API shows it. */
export function presentComponent(row: ComponentRow): Component {
  return {
    id: ComponentIdSchema.parse(row.id),
    titleEn: row.title_en,
    titleEs: row.title_es,
    position: row.position,
  };
}

/**
 * A program row as the API shows it to one viewer; absent facts stay null ("not recorded").
 * `leads` are the organizations holding the Lead relation to it.
 */
export function presentProgram(
  row: ProgramRow,
  leads: readonly string[],
  abilities: ProgramAbilities,
): Program {
  return { ...presentProgramDetails(row, leads), abilities };
}

/** A program row without any viewer's abilities (live fan-out to everyone who may read it). */
export function presentProgramDetails(row: ProgramRow, leads: readonly string[]): ProgramDetails {
  const hasCost = row.estimated_cost_amount !== null && row.estimated_cost_currency !== null;
  return {
    id: row.id,
    code: row.code,
    titleEn: row.title_en,
    titleEs: row.title_es,
    componentId: ComponentIdSchema.parse(row.component_id),
    priority: Boolean(row.priority),
    priorityConfidence: PriorityConfidenceSchema.parse(row.priority_confidence),
    confidence: ConfidenceSchema.parse(row.confidence),
    status: row.status === null ? null : ProgramStatusSchema.parse(row.status),
    leadOrganizationIds: [...leads],
    countries: JSON.parse(row.countries) as string[],
    estimatedCost: hasCost
      ? { amount: row.estimated_cost_amount ?? '', currency: row.estimated_cost_currency ?? '' }
      : null,
  };
}
