import { describe, expect, it } from 'vitest';
import { IatiFileError, readIatiFile, schemaProblems } from './iati-reader.js';
import { xmlEscape } from './iati-export.service.js';

const read = (xml: string, max = 1024 * 1024) => readIatiFile([Buffer.from(xml)], max);

describe('the IATI reader', () => {
  it('reads activities, narratives in English first and transactions across chunk boundaries', async () => {
    const xml = `<?xml version="1.0"?>
<iati-activities version="2.03"><iati-activity default-currency="EUR">
<iati-identifier>XM-DAC-1-P1</iati-identifier>
<reporting-org ref="XM-DAC-1" type="10"><narrative>Donor</narrative></reporting-org>
<title><narrative xml:lang="es">Título</narrative><narrative xml:lang="en">Title ñ</narrative></title>
<transaction ref="T1"><transaction-type code="3"/><transaction-date iso-date="2024-01-02"/>
<value value-date="2024-01-01">12.50</value></transaction>
</iati-activity></iati-activities>`;
    // Split inside the multi-byte "ñ" to check the decoder.
    const bytes = Buffer.from(xml);
    const cut = bytes.indexOf(Buffer.from('ñ')) + 1;
    const file = await readIatiFile([bytes.subarray(0, cut), bytes.subarray(cut)], 1024 * 1024);
    expect(file.version).toBe('2.03');
    expect(file.activities).toHaveLength(1);
    const [activity] = file.activities;
    expect(activity?.title).toBe('Title ñ');
    expect(activity?.reportingOrg).toEqual({ ref: 'XM-DAC-1', name: 'Donor' });
    expect(activity?.transactions[0]).toMatchObject({
      ref: 'T1',
      typeCode: '3',
      value: '12.50',
      valueDate: '2024-01-01',
      transactionDate: '2024-01-02',
    });
  });

  it('refuses a DOCTYPE without expanding anything, and a file past the limit with 413', async () => {
    await expect(
      read('<!DOCTYPE a [<!ENTITY b "c">]><iati-activities version="2.03">&b;</iati-activities>'),
    ).rejects.toThrow(/DOCTYPE/);
    await expect(
      read(`<iati-activities version="2.03">${' '.repeat(2000)}</iati-activities>`, 1000),
    ).rejects.toBeInstanceOf(IatiFileError);
    await expect(
      read(`<iati-activities version="2.03">${' '.repeat(2000)}</iati-activities>`, 1000),
    ).rejects.toMatchObject({ statusCode: 413 });
  });

  it('reports schema problems of a 2.x file with their lines', async () => {
    const problems = await schemaProblems(
      Buffer.from(
        '<iati-activities version="2.03">\n<iati-activity>\n<x/>\n</iati-activity>\n</iati-activities>',
      ),
    );
    expect(problems[0]?.line).toBe(3);
    expect(problems[0]?.message).toMatch(/iati-identifier/);
  });
});

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(xmlEscape(`a<b>&"c"'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;');
  });
});
