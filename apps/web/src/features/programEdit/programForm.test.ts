import { describe, expect, it } from 'vitest';
import { readProgramForm } from './programForm';

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const valid = {
  code: 'ba9',
  titleEn: 'Border management',
  titleEs: 'Gestión de fronteras',
  componentId: 'A',
  status: '',
  countries: 'gt, hn sv',
  costAmount: '1,500,000.50',
  costCurrency: 'eur',
};

describe('readProgramForm', () => {
  it('turns the form into the shared input: empty facts are null, codes upper-cased', () => {
    expect(readProgramForm(form(valid))).toEqual({
      ok: true,
      input: {
        code: 'BA9',
        titleEn: 'Border management',
        titleEs: 'Gestión de fronteras',
        componentId: 'A',
        priority: false,
        status: null,
        countries: ['GT', 'HN', 'SV'],
        estimatedCost: { amount: '1500000.50', currency: 'EUR' },
      },
    });
  });

  it('names every field the shared schema refuses', () => {
    const result = readProgramForm(
      form({ ...valid, titleEs: ' ', countries: 'Guatemala', costAmount: '1.234' }),
    );
    expect(result).toEqual({ ok: false, invalid: ['titleEs', 'countries', 'estimatedCost'] });
  });
});
