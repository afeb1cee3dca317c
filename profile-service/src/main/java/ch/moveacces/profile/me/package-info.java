/** The caller's own profile: {@code GET /users/me} and {@code PATCH /users/me}. */
@NullMarked
package ch.moveacces.profile.me;

import org.jspecify.annotations.NullMarked;
