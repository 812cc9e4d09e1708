package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextWarningsTest {

    @TempDir
    Path dir;

    private void write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private void write(String name, String content) throws IOException {
        write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private void plant() throws IOException {
        write("Dockerfile", "FROM scratch\nCOPY . /\n");
        write("app/views.py", "x = 1\n");
        write(".env", "SECRET_KEY=x\n");
        write("app/.env.production", "SECRET_KEY=y\n");
        write(".env.example", "SECRET_KEY=\n");
        write("certs/server.pem", "-----BEGIN PRIVATE KEY-----\n");
        write("certs/server.key", "k\n");
        write("deploy/id_rsa", "k\n");
        write("data/app.db", "SQLite format 3\0rest of the header".getBytes(StandardCharsets.ISO_8859_1));
        write("notes.db", "not a database at all, just text\n");
        write(".git/HEAD", "ref: refs/heads/main\n");
        write(".venv/pyvenv.cfg", "home = /usr/bin\n");
        write(".venv/lib/site.py", "\n");
        write("app/__pycache__/views.cpython-311.pyc", "\0");
        write("lib/__pycache__/x.pyc", "\0");
        write("web/node_modules/left-pad/index.js", "\n");
        write("web/node_modules/a/node_modules/b.js", "\n");
    }

    private String summary() {
        return BuildContext.scan(dir, null).warnings().stream()
                .map(w -> w.kind() + " " + w.paths() + " " + w.dockerignoreLine()).collect(Collectors.joining("\n"));
    }

    @Test
    void warnings_nameEachPlantedKind_withALineThatExcludesIt() throws IOException {
        plant();
        assertEquals(String.join("\n",
                "GIT [.git] **/.git",
                "VIRTUALENV [.venv] .venv",
                "NODE_MODULES [web/node_modules] **/node_modules",
                "PYCACHE [app/__pycache__, lib/__pycache__] **/__pycache__",
                "ENV_FILE [.env] **/.env",
                "ENV_FILE [app/.env.production] **/.env.production",
                "PRIVATE_KEY [certs/server.key] **/*.key",
                "PRIVATE_KEY [certs/server.pem] **/*.pem",
                "PRIVATE_KEY [deploy/id_rsa] **/id_rsa*",
                "SQLITE_DATABASE [data/app.db] **/app.db"), summary());
    }

    @Test
    void warnings_disappear_onceTheSuggestedLinesAreInDockerignore() throws IOException {
        plant();
        List<ContextWarning> warnings = BuildContext.scan(dir, null).warnings();
        String lines = warnings.stream().map(ContextWarning::dockerignoreLine).collect(Collectors.joining("\n"));
        write(".dockerignore", lines + "\n");
        BuildContext ignored = BuildContext.scan(dir, null);
        assertEquals("", summary());
        assertTrue(ignored.names().contains("notes.db") && ignored.names().contains(".env.example")
                && ignored.names().contains("app/views.py"), "only the warned entries go: " + ignored.names());
        assertTrue(ignored.names().stream().noneMatch(name -> name.startsWith(".git") || name.contains("node_modules")
                || name.endsWith(".pem") || name.startsWith(".venv")), ignored.names().toString());
    }

    @Test
    void literal_escapesGlobCharacters_soTheLineMatchesOnlyThatPath() {
        assertEquals("a\\[1].env", ContextWarnings.literal("a[1].env"));
        assertEquals("\\!x\\*", ContextWarnings.literal("!x*"));
        assertTrue(DockerIgnore.parse(ContextWarnings.literal("a[1]*")).excludes("a[1]*"));
        assertTrue(!DockerIgnore.parse(ContextWarnings.literal("a[1]*")).excludes("a1x"));
    }
}
