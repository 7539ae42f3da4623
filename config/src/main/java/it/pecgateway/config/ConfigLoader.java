package it.pecgateway.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one YAML file into a {@link GatewayConfig}: defaults for every key, one validation pass, and a
 * {@link ConfigException} listing every problem ({@code key.path: what is wrong}) when anything is wrong.
 * Relative paths in the file are resolved against the file's own directory.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static GatewayConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(java.util.List.of(file + ": no such file"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(java.util.List.of(file + ": not UTF-8 text"));
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "not a file"
                    : e instanceof AccessDeniedException ? "permission denied" : "cannot be read (" + e.getMessage() + ")";
            throw new ConfigException(java.util.List.of(file + ": " + why));
        }
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        return parse(text, baseDir, file.toString());
    }

    /**
     * @param baseDir   directory against which relative paths are resolved
     * @param sourceName named in a YAML syntax error
     */
    public static GatewayConfig parse(String yaml, Path baseDir, String sourceName) {
        Problems problems = new Problems();
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setAllowRecursiveKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new ConfigException(java.util.List.of(sourceName + ": not valid YAML" + syntaxError(e)));
        } catch (YAMLException e) {
            throw new ConfigException(java.util.List.of(sourceName + ": not valid YAML: " + e.getMessage().replace('\n', ' ')));
        }
        GatewayConfig config = new ConfigReader(baseDir.toAbsolutePath().normalize()).read(YamlNode.root(document, problems));
        Problems derived = new Problems();
        new CrossChecks(derived).check(config);
        problems.addDerived(derived);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.list());
        }
        return config;
    }

    /** Where and what, on one line: SnakeYAML's own message quotes the source over several lines with a caret. */
    private static String syntaxError(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem().strip();
        String at = e.getProblemMark() == null ? "" : " at " + position(e.getProblemMark());
        String context = e.getContext() == null ? ""
                : " (" + e.getContext().strip() + (e.getContextMark() == null ? "" : " started at " + position(e.getContextMark())) + ")";
        return at + ": " + problem + context;
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
