package dev.nsg.dhpush.context;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nsg.dhpush.failure.InvalidInputException;

class BuildContextTest {

    @TempDir
    Path dir;

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void scan_sendsFilesInLexicalOrder_withoutExcludedOnes() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "*.log\nsecret\n");
        write("b.txt", "b");
        write("a.txt", "a");
        write("debug.log", "x");
        write("secret/key", "k");
        BuildContext context = BuildContext.scan(dir, null);
        assertEquals(List.of(".dockerignore", "Dockerfile", "a.txt", "b.txt"), context.names());
        assertEquals("Dockerfile", context.dockerfileName());
    }

    @Test
    void scan_alwaysSendsTheDockerfileAndDockerignore_evenWhenExcluded() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write(".dockerignore", "*\n");
        write("a.txt", "a");
        assertEquals(List.of(".dockerignore", "Dockerfile"), BuildContext.scan(dir, null).names());
    }

    @Test
    void scan_keepsSymlinksAsLinks_andFileModes() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("/etc/passwd"));
        List<TarEntry> entries = TarEntry.read(tarOf(BuildContext.scan(dir, null)));
        TarEntry link = TarEntry.named(entries, "link");
        assertEquals('2', link.type());
        assertEquals("/etc/passwd", link.linkName());
        TarEntry script = TarEntry.named(entries, "run.sh");
        assertEquals(0750, script.mode());
    }

    @Test
    void scan_sendsAFilesFurtherHardLinksAsLinkEntries_withoutItsBytesAgain() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("a/original.bin", "shared bytes");
        Files.createLink(dir.resolve("b-second.bin"), dir.resolve("a/original.bin"));
        Files.createLink(dir.resolve("c-third.bin"), dir.resolve("a/original.bin"));
        BuildContext context = BuildContext.scan(dir, null);
        assertEquals("FROM scratch\n".length() + "shared bytes".length(), context.byteCount(), "a file's bytes count once");
        List<TarEntry> entries = TarEntry.read(tarOf(context));
        TarEntry original = TarEntry.named(entries, "a/original.bin");
        assertEquals('0', original.type());
        assertEquals("shared bytes", new String(original.content(), StandardCharsets.UTF_8));
        for (String name : List.of("b-second.bin", "c-third.bin")) {
            TarEntry link = TarEntry.named(entries, name);
            assertEquals('1', link.type(), name);
            assertEquals("a/original.bin", link.linkName(), name);
            assertEquals(0, link.content().length, name);
        }
    }

    @Test
    void scan_dockerfileOutsideTheContext_travelsUnderARandomNameThatIsIgnored() throws IOException {
        Path outside = Files.createTempFile("Dockerfile", ".outside");
        Files.writeString(outside, "FROM scratch\n");
        write("a.txt", "a");
        BuildContext context = BuildContext.scan(dir, outside);
        assertTrue(context.dockerfileName().startsWith(".dockerfile."), context.dockerfileName());
        List<TarEntry> entries = TarEntry.read(tarOf(context));
        TarEntry ignore = TarEntry.named(entries, ".dockerignore");
        assertTrue(new String(ignore.content(), StandardCharsets.UTF_8).contains(context.dockerfileName()));
        Files.delete(outside);
    }

    @Test
    void missingDockerfile_isAUsageError() {
        InvalidInputException failure = assertThrows(InvalidInputException.class, () -> BuildContext.scan(dir, null));
        assertTrue(failure.getMessage().contains("not found"), failure.getMessage());
    }

    @Test
    void writeTar_isDeterministic_andRoundTrips() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        write("deep/" + "n".repeat(120) + "/file.txt", "long name");
        write("data.bin", "0123456789".repeat(100));
        BuildContext context = BuildContext.scan(dir, null);
        byte[] first = tarOf(context);
        assertArrayEquals(first, tarOf(BuildContext.scan(dir, null)));
        assertEquals(0, first.length % 512);
        List<String> names = new ArrayList<>();
        for (TarEntry entry : TarEntry.read(first)) {
            names.add(entry.name());
            if (entry.name().equals("data.bin")) {
                assertEquals("0123456789".repeat(100), new String(entry.content(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(names.contains("deep/" + "n".repeat(120) + "/file.txt"), names.toString());
    }

    @Test
    void writeTar_endsWithTheEndOfArchiveBlocks_inWholeRecords() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        byte[] tar = tarOf(BuildContext.scan(dir, null));
        assertEquals(0, tar.length % (64 * 1024), "whole 64 KiB records");
        // One header and one data block for the Dockerfile, then nothing but zeros: the end-of-archive blocks.
        for (int i = 2 * 512; i < tar.length; i++) {
            assertEquals(0, tar[i], "byte " + i);
        }
    }

    @Test
    void writeTar_sendsOwnerRoot_asTheDockerCliDoes() throws IOException {
        write("Dockerfile", "FROM scratch\n");
        for (TarEntry entry : TarEntry.read(tarOf(BuildContext.scan(dir, null)))) {
            assertEquals(0, entry.uid(), entry.name());
            assertEquals(0, entry.gid(), entry.name());
        }
    }

    @Test
    void writeTar_longLinkTargetsAndNonAsciiNames_travelAsPaxRecords_andGnuTarReadsThemToo() throws Exception {
        write("Dockerfile", "FROM scratch\n");
        write("caf\u00e9/men\u00fc.txt", "umlaut");
        String target = "/" + "very-long-target/".repeat(10) + "end";
        Files.createSymbolicLink(dir.resolve("far"), Path.of(target));
        byte[] tar = tarOf(BuildContext.scan(dir, null));
        List<TarEntry> entries = TarEntry.read(tar);
        assertEquals(target, TarEntry.named(entries, "far").linkName());
        assertEquals("umlaut", new String(TarEntry.named(entries, "caf\u00e9/men\u00fc.txt").content(), StandardCharsets.UTF_8));
        Path archive = dir.resolveSibling(dir.getFileName() + ".tar");
        Files.write(archive, tar);
        Process gnuTar = new ProcessBuilder("tar", "-tvf", archive.toString()).redirectErrorStream(true).start();
        String listing = new String(gnuTar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, gnuTar.waitFor(), listing);
        assertTrue(listing.contains("far -> " + target), listing);
        assertTrue(listing.contains("caf\u00e9/men\u00fc.txt"), listing);
    }

    @Test
    void scan_sendsAFifoAsAFifo_andSkipsASocket_sayingSo() throws Exception {
        write("Dockerfile", "FROM scratch\n");
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        try (var socket = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.bind(java.net.UnixDomainSocketAddress.of(dir.resolve("agent.sock")));
            BuildContext context = BuildContext.scan(dir, null);
            assertEquals(List.of("agent.sock"), context.skipped());
            assertFalse(context.names().contains("agent.sock"));
            TarEntry pipe = TarEntry.named(TarEntry.read(tarOf(context)), "pipe");
            assertEquals('6', pipe.type());
            assertEquals(0, pipe.content().length);
        }
    }

    static byte[] tarOf(BuildContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.writeTar(out);
        return out.toByteArray();
    }
}
