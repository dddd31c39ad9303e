/**
 * The part of a name or id attribute a developer wrote, without the parts a framework generated:
 * SAP Web Dynpro ids ("WD01A3", "WD0112-r"), SAP UI5 ids ("__input0-inner", "__xmlview0--iban"),
 * hex runs and hashes. Generated ids mean nothing ("WD0ABA" is not an ABA number), so the
 * classifier reads what is left, usually nothing; the field is then named by its label.
 */
const UI5_GENERATED = /__[a-z]+\d+/gi;
const WEB_DYNPRO = /^WD(?=[0-9a-f]*\d)[0-9a-f]+$/i;
const HEX_RUN = /^(?=[0-9a-f]*\d)[0-9a-f]{4,}$/i;

export function meaningfulIdentifier(identifier: string): string {
  return identifier
    .replace(UI5_GENERATED, ' ')
    .split(/[-_:.\s]+/)
    .filter((part) => part && !WEB_DYNPRO.test(part) && !HEX_RUN.test(part))
    .join('-');
}
