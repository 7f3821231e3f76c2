/**
 * The public portal (门户): news and notices, policies, good practice, events with registration and
 * the service directory, readable by anyone without an account; the editors' content workflow
 * (draft, review, scheduled publishing, unpublish with a reason, versions) with rich text sanitised
 * on save; organisations' self-registration reviewed by an officer; one-time password links.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.gongtong.portal;
