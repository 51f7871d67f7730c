/**
 * Sources that read files: {@link dev.sluice.runtime.source.file.TextFileDirectorySource}
 * watches a directory for files moved into it, as Spark's {@code textFileStream} does.
 */
package dev.sluice.runtime.source.file;
