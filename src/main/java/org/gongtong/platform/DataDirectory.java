package org.gongtong.platform;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code gongtong.data-dir} (GONGTONG_DATA_DIR) absolute before anything uses it: H2 refuses
 * a database path that is only implicitly relative ({@code data2/gongtong}), so
 * {@code GONGTONG_DATA_DIR=data2} would otherwise stop the start-up.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "gongtong.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path path = Path.of(dir);
        if (path.isAbsolute()) {
            return;
        }
        String absolute = path.toAbsolutePath().normalize().toString();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("gongtongDataDirectory", Map.of(PROPERTY, absolute)));
    }

    @Override
    public int getOrder() {
        // after the config files and the environment variables have been read
        return Ordered.LOWEST_PRECEDENCE;
    }
}
