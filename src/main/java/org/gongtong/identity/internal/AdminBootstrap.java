package org.gongtong.identity.internal;

import org.gongtong.identity.Accounts;
import org.gongtong.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: creates user {@code admin} with {@code GONGTONG_ADMIN_PASSWORD}, or with a
 * generated password printed once to the log. Later starts leave the account alone.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final String configured;

    AdminBootstrap(Accounts accounts, @Value("${gongtong.admin-password:}") String configured) {
        this.accounts = accounts;
        this.configured = configured;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername("admin").isPresent()) {
            return;
        }
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? accounts.generatePassword() : configured;
        accounts.create(new Accounts.UserForm("admin", "系统管理员", Role.ADMIN, null, null), password);
        if (generated) {
            log.warn(
                    "\n\n  First start: created administrator 'admin' with password  {}\n"
                            + "  It is shown only this once; change it after signing in.\n",
                    password);
        } else {
            log.info("First start: created administrator 'admin' with the password from GONGTONG_ADMIN_PASSWORD");
        }
    }
}
