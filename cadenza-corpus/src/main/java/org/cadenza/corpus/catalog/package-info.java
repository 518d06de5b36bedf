/**
 * The workspace's SQLite catalog ({@link org.cadenza.corpus.catalog.Catalog}): source files with labels and
 * validation outcome, job artifacts, stage failures, problems and runs. WAL journal, one committed transaction per
 * finished item, a schema version table, foreign keys.
 */
package org.cadenza.corpus.catalog;
