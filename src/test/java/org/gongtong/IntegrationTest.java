package org.gongtong;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The one configuration every integration test uses, so they all share a single cached Spring
 * context (and database). Do not add per-class bean overrides to tests carrying it. The clock is a
 * {@link TestClock} tests may move (and must reset).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClock.Config.class)
public @interface IntegrationTest {}
