package org.gongtong.notifications.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.gongtong.identity.Actor;
import org.gongtong.notifications.InboxFilter;
import org.gongtong.notifications.Notification;
import org.gongtong.notifications.NotificationRequested;
import org.gongtong.notifications.Notifications;
import org.gongtong.platform.DomainException;
import org.gongtong.platform.PageRequest;
import org.gongtong.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The caller's inbox: deadlines, tasks and results raised by every module")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first; filters module, category, unread")
    PageResult<Notification> list(
            @RequestParam(required = false) String module,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        NotificationRequested.Category c = null;
        if (category != null && !category.isBlank()) {
            try {
                c = NotificationRequested.Category.valueOf(category);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("category", "notification.categoryInvalid", category);
            }
        }
        return notifications.inbox(
                actor(),
                new InboxFilter(module == null || module.isBlank() ? null : module, c, unread),
                PageRequest.of(page, size));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unreadCount(actor().userId()));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Marks one of the caller's notifications read")
    Notification read(@PathVariable long id) {
        return notifications.markRead(actor(), id);
    }

    @PostMapping("/read-all")
    @Operation(summary = "Marks all of the caller's notifications read")
    Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(actor()));
    }

    private static Actor actor() {
        return Actor.current().orElseThrow(() -> DomainException.forbidden("problem.forbidden"));
    }
}
