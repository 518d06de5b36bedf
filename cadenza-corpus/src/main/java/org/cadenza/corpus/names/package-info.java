/**
 * Composer names to ids ({@link org.cadenza.corpus.names.ComposerNames}): diacritics, name orders, initials,
 * spelling variants and family members, with an editable alias table.
 */
package org.cadenza.corpus.names;
