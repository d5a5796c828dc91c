package io.twinsync.orchestrator.config;

import java.io.IOException;
import java.util.List;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads YAML settings files ({@code twinsync.yaml}, {@code application.yaml}) as Spring Boot does, but refuses a
 * malformed one naming the file, line and column. SnakeYAML's own error names neither the file (its mark says
 * {@code 'reader'}) nor reaches the user without a page of stack trace. Registered in
 * {@code META-INF/spring.factories} ahead of Spring's loader, which then never sees a {@code .yaml} file.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SettingsYamlLoader implements PropertySourceLoader {

    private final YamlPropertySourceLoader yaml = new YamlPropertySourceLoader();

    @Override
    public String[] getFileExtensions() {
        return yaml.getFileExtensions();
    }

    @Override
    public List<PropertySource<?>> load(String name, Resource resource) throws IOException {
        try {
            return yaml.load(name, resource);
        } catch (MarkedYAMLException e) {
            throw new SettingsFileException(SettingOrigins.file(resource) + " is not valid YAML: " + position(e)
                    + ". Fix the file (spaces, not tabs, for indentation; a space after each ':') and run again");
        } catch (YAMLException e) {
            throw new SettingsFileException(SettingOrigins.file(resource) + " is not valid YAML: " + firstLine(e)
                    + ". Fix the file and run again");
        }
    }

    /** {@code line 4, column 4: expected <block end> ... (while parsing a block mapping from line 2, column 3)}. */
    private static String position(MarkedYAMLException e) {
        StringBuilder text = new StringBuilder();
        Mark problem = e.getProblemMark();
        if (problem != null) {
            text.append(at(problem)).append(": ");
        }
        text.append(e.getProblem() == null ? firstLine(e) : e.getProblem().strip());
        if (e.getContext() != null) {
            text.append(" (").append(e.getContext().strip());
            if (e.getContextMark() != null) {
                text.append(" from ").append(at(e.getContextMark()));
            }
            text.append(')');
        }
        return text.toString();
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
