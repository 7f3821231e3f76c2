package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryTest {

    private static String after(String dir) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of(DataDirectory.PROPERTY, dir)));
        new DataDirectory().postProcessEnvironment(env, null);
        return env.getProperty(DataDirectory.PROPERTY);
    }

    @Test
    void aRelativeDataDirectoryBecomesAbsoluteSoH2AcceptsIt() {
        assertThat(after("data2"))
                .isEqualTo(Path.of("data2").toAbsolutePath().normalize().toString());
        assertThat(after("./data"))
                .isEqualTo(Path.of("data").toAbsolutePath().normalize().toString());
        assertThat(Path.of(after("data2"))).isAbsolute();
    }

    @Test
    void anAbsoluteOneIsLeftAlone() {
        assertThat(after("/var/lib/gongtong")).isEqualTo("/var/lib/gongtong");
    }
}
