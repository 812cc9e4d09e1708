package dev.nsg.dhpush.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.List;

import dev.nsg.dhpush.failure.InvalidInputException;
import dev.nsg.dhpush.failure.InvalidInputException.Problem;

/**
 * What a project keeps in its own {@code dhpush.properties}, next to its Dockerfile: the namespace its image is
 * published under on the registry ({@code namespace=team}), and the builder it builds with ({@code builder=buildkit}). Unknown keys are refused rather than ignored, so a
 * misspelt setting never silently sends an image elsewhere.
 */
record ProjectSettings(Path file, String namespace, BuilderChoice.Kind builder) {

    static final String FILE_NAME = "dhpush.properties";
    private static final List<String> KEYS = List.of("namespace", "builder");

    /** The settings in {@code directory}, or empty when it keeps none. */
    static Optional<ProjectSettings> read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(Problem.PROJECT_SETTINGS, file.toString(), "read " + file + ": " + e.getMessage(), e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInputException(Problem.PROJECT_SETTINGS, file.toString(),
                        "read " + file + ": unknown setting \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
            }
        }
        String namespace = properties.getProperty("namespace", "").strip();
        String builderText = properties.getProperty("builder");
        BuilderChoice.Kind builder = builderText == null ? null : BuilderChoice.parse(builderText).orElseThrow(() -> new InvalidInputException(
                Problem.PROJECT_SETTINGS, file.toString(), "read " + file + ": builder=" + builderText.strip()
                        + " is not a builder (auto, buildkit or classic)"));
        return Optional.of(new ProjectSettings(file, namespace.isEmpty() ? null : namespace, builder));
    }
}
