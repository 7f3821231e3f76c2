package org.gongtong.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    @Test
    void nothingToWaitForWhenNoMigrationRuns() {
        new SchemaMigration.Migration().await(); // returns at once
    }

    @Test
    void otherThreadsWaitUntilTheBackgroundMigrationIsDone() throws Exception {
        SchemaMigration.Migration migration = new SchemaMigration.Migration();
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> migratedBy = new AtomicReference<>();
        migration.start(
                () -> {
                    await(release);
                    migratedBy.set(Thread.currentThread().getName());
                },
                true);

        CompletableFuture<Void> waiter = CompletableFuture.runAsync(migration::await);
        Thread.sleep(100);
        assertThat(waiter).as("waits while the migration runs").isNotDone();

        release.countDown();
        waiter.get(10, TimeUnit.SECONDS);
        assertThat(migratedBy).hasValue("schema-migration");
    }

    @Test
    void theMigratingThreadItselfDoesNotWait() throws Exception {
        SchemaMigration.Migration migration = new SchemaMigration.Migration();
        CompletableFuture<Boolean> passed = new CompletableFuture<>();
        migration.start(
                () -> {
                    migration.await(); // e.g. Flyway asking the data source for a connection
                    passed.complete(true);
                },
                true);

        assertThat(passed.get(10, TimeUnit.SECONDS)).isTrue();
        migration.await();
    }

    @Test
    void aFailedMigrationFailsEveryoneWaiting() {
        SchemaMigration.Migration migration = new SchemaMigration.Migration();
        migration.start(
                () -> {
                    throw new IllegalArgumentException("V102 has a syntax error");
                },
                true);

        assertThatThrownBy(migration::await)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema migration failed")
                .hasRootCauseMessage("V102 has a syntax error");
    }

    @Test
    void inTheForegroundItRunsInTheCallersThread() {
        SchemaMigration.Migration migration = new SchemaMigration.Migration();
        AtomicReference<Thread> ranIn = new AtomicReference<>();
        migration.start(() -> ranIn.set(Thread.currentThread()), false);

        assertThat(ranIn).hasValue(Thread.currentThread());
        migration.await();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
