import { CreateProgramInputSchema, type CreateProgramInput, type Program } from '@mesa/shared';
import { formText } from '../../lib/formData';

/** The fields of the program details form. */
export const ProgramFields = [
  'code',
  'titleEn',
  'titleEs',
  'componentId',
  'status',
  'countries',
  'estimatedCost',
] as const;

/** One field of the form. */
export type ProgramField = (typeof ProgramFields)[number];

/** The outcome of reading the form: a valid input, or the fields at fault. */
export type ProgramFormResult =
  { ok: true; input: CreateProgramInput } | { ok: false; invalid: ProgramField[] };

const text = (data: FormData, name: string): string => formText(data, name).trim();
const orNull = (value: string): string | null => (value === '' ? null : value);

function readCountries(raw: string): string[] {
  return raw
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
}

function readCost(data: FormData): { amount: string; currency: string } | null {
  const amount = text(data, 'costAmount').replace(/[\s,]/g, '');
  if (amount === '') return null;
  return { amount, currency: text(data, 'costCurrency').toUpperCase() || 'USD' };
}

/** Reads the form and checks it with the shared schema, naming every field that fails. */
export function readProgramForm(data: FormData): ProgramFormResult {
  const candidate = {
    code: orNull(text(data, 'code').toUpperCase()),
    titleEn: text(data, 'titleEn'),
    titleEs: text(data, 'titleEs'),
    componentId: text(data, 'componentId'),
    priority: data.get('priority') === 'on',
    status: orNull(text(data, 'status')),
    countries: readCountries(text(data, 'countries')),
    estimatedCost: readCost(data),
  };
  const parsed = CreateProgramInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const invalid = new Set<ProgramField>();
  for (const issue of parsed.error.issues) {
    const field = ProgramFields.find((name) => name === issue.path[0]);
    if (field) invalid.add(field);
  }
  return { ok: false, invalid: [...invalid] };
}

/** The editable values of an existing program, as the form's defaults. */
export function programDefaults(program: Program | undefined) {
  return {
    code: program?.code ?? '',
    titleEn: program?.titleEn ?? '',
    titleEs: program?.titleEs ?? '',
    componentId: program?.componentId ?? 'A',
    priority: program?.priority ?? false,
    status: program?.status ?? '',
    countries: program?.countries.join(', ') ?? '',
    costAmount: program?.estimatedCost?.amount ?? '',
    costCurrency: program?.estimatedCost?.currency ?? 'USD',
  };
}
