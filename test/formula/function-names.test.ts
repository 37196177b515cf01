import metadataFr from '../../src/functions/metadata-fr.json';
import { FRENCH_FUNCTION_NAMES, frenchNameOf, resolveFunctionName } from '../../src/formula/function-names';

describe('FRENCH_FUNCTION_NAMES', () => {
  it('is the table of metadata-fr.json, function for function', () => {
    const fromMetadata = Object.fromEntries(Object.entries(metadataFr.functions).map(([id, f]) => [id, (f as { name: string }).name]));
    expect(FRENCH_FUNCTION_NAMES).toEqual(fromMetadata);
  });

  it('resolves English ids and French names in any case, and nothing else', () => {
    expect(resolveFunctionName('roi_ratio')).toEqual({ id: 'ROI_RATIO', language: 'en' });
    expect(resolveFunctionName('Ratio_Roi')).toEqual({ id: 'ROI_RATIO', language: 'fr' });
    expect(resolveFunctionName('SUM')).toBeUndefined();
    expect(resolveFunctionName('constructor')).toBeUndefined();
    expect(frenchNameOf('LABEL')).toBe('LIBELLE_CODE');
  });
});
