package org.gongtong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** The Gongtong platform: one modular monolith, one module per business capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class GongtongApplication {

    public static void main(String[] args) {
        SpringApplication.run(GongtongApplication.class, args);
    }
}
