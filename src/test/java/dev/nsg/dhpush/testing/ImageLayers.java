package dev.nsg.dhpush.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An image's layers as {@code docker save} gives them, each entry described by what a container sees (name, type,
 * mode, owner, link target, size and content hash; not its time), so two builders' images compare entry by entry.
 */
public final class ImageLayers {

    private ImageLayers() {
    }

    /** One line per entry, layer by layer ({@code --- layer N} between them). */
    public static List<String> of(String image) {
        try {
            Path saved = Files.createTempFile("dhpush-save-", ".tar");
            try {
                LocalEngine.docker("save", "-o", saved.toString(), image);
                return describe(saved);
            } finally {
                Files.deleteIfExists(saved);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> describe(Path saved) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(saved))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile()) {
                    files.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json")).get(0);
        List<String> lines = new ArrayList<>();
        int number = 0;
        for (JsonNode layer : manifest.get("Layers")) {
            lines.add("--- layer " + number++);
            lines.addAll(entries(files.get(layer.asText())));
        }
        return lines;
    }

    private static List<String> entries(byte[] layer) throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(layer));
        if (layer.length > 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b) {
            in = new GzipCompressorInputStream(in);
        }
        List<String> lines = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String content = entry.isFile() ? sha256(tar.readAllBytes()) : "";
                lines.add(String.format("%s %s %o %d:%d %s %d %s", entry.getName(), type(entry), entry.getMode() & 07777,
                        entry.getLongUserId(), entry.getLongGroupId(), entry.getLinkName(), entry.isFile() ? entry.getSize() : 0, content));
            }
        }
        return lines;
    }

    private static String type(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return "dir";
        }
        if (entry.isSymbolicLink()) {
            return "symlink";
        }
        if (entry.isLink()) {
            return "hardlink";
        }
        return entry.isFile() ? "file" : "other";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
