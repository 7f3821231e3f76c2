package org.gongtong.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Migrates the schema (Flyway) in a background thread while the rest of the context starts
 * (ADR 0068). On an empty database the migrations took about a quarter of the main thread's start,
 * and nothing that the context builds after them needs the schema: only the application runners
 * (demo data, the first administrator), scheduled jobs and requests do. So:
 *
 * <ul>
 *   <li>the migration starts where Boot would run it, in a thread of its own;
 *   <li>every other thread asking the data source for a connection waits until it has finished
 *       (so a bean that one day reads the database while the context starts waits, and never sees
 *       a half-made schema);
 *   <li>the context's first life-cycle phase, before the web server takes requests and the
 *       scheduler starts, waits for it too and fails the start if the migration failed, as Boot's
 *       own migration at that place would have.
 * </ul>
 *
 * {@code gongtong.schema-migration.background=false} migrates in the main thread, as Boot does.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

    /** The migration under way, or done; with none started (Flyway off) there is nothing to wait for. */
    static final class Migration {

        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile Thread migrating;

        /** Runs {@code migrate} in a new thread, or in this one if {@code background} is false. */
        void start(Runnable migrate, boolean background) {
            if (!background) {
                migrate.run();
                done.complete(null);
                return;
            }
            Thread thread = new Thread(
                    () -> {
                        try {
                            migrate.run();
                            done.complete(null);
                        } catch (Throwable e) {
                            done.completeExceptionally(e);
                        }
                    },
                    "schema-migration");
            migrating = thread;
            thread.start();
        }

        /** Waits for the migration (unless called by the migrating thread itself); rethrows its failure. */
        void await() {
            if (done.isDone() && !done.isCompletedExceptionally()) {
                return;
            }
            if (migrating == null || Thread.currentThread() == migrating) {
                return;
            }
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the schema migration", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the schema migration failed", e.getCause());
            }
        }
    }

    /** A data source whose connections are handed out once the schema is migrated. */
    static final class MigratedDataSource extends DelegatingDataSource {

        private final Migration migration;

        MigratedDataSource(DataSource target, Migration migration) {
            super(target);
            this.migration = migration;
        }

        @Override
        public Connection getConnection() throws SQLException {
            migration.await();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            migration.await();
            return super.getConnection(username, password);
        }
    }

    @Bean
    static Migration schemaMigrationState() {
        return new Migration();
    }

    @Bean
    static BeanPostProcessor migratedDataSource(ObjectProvider<Migration> migration) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof MigratedDataSource)
                        ? new MigratedDataSource(dataSource, migration.getObject())
                        : bean;
            }
        };
    }

    @Bean
    FlywayMigrationStrategy backgroundMigration(Migration migration, Environment environment) {
        boolean background = environment.getProperty("gongtong.schema-migration.background", Boolean.class, true);
        return flyway -> migration.start(flyway::migrate, background);
    }

    /** Before anything else starts (the web server, the scheduler), the schema is ready. */
    @Bean
    SmartLifecycle schemaMigrationAwaited(Migration migration) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                migration.await();
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MIN_VALUE;
            }
        };
    }
}
