package io.circus.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example in docs/library.md is this compiled code, and it runs. */
class LibraryExampleTest {

    @Test
    void theDocumentedExampleRunsAndIsTheCompiledOne() throws IOException {
        LibraryExample.main(new String[0]);
        String source = Files.readString(Path.of("src/test/java/io/circus/example/LibraryExample.java"));
        String snippet = source.substring(source.indexOf("import io.circus.Circus;"), source.indexOf("// SNIPPET-END")).strip();
        String doc = Files.readString(Path.of("../docs/library.md"));
        assertTrue(doc.contains(snippet), "docs/library.md must contain the compiled example verbatim:\n" + snippet);
    }
}
