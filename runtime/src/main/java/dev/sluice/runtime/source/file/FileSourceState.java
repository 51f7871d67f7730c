package dev.sluice.runtime.source.file;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link TextFileDirectorySource} has read: the names of the files of its directory
 * that it will not read again. Serializable and made of strings only, so a checkpoint can keep
 * it as it is.
 *
 * <pre>{@code
 * FileSourceState state = source.state();
 * StreamSource<String> resumed = new TextFileDirectorySource(dir, name -> true, UTF_8, state);
 * }</pre>
 *
 * @param directory the watched directory, as given
 * @param readFiles the file names, sorted
 */
public record FileSourceState(String directory, List<String> readFiles) implements Serializable {
    public FileSourceState {
        Objects.requireNonNull(directory, "directory");
        readFiles = List.copyOf(readFiles);
    }
}
