/**
 * The rules of a member's profile fields, shared by registration and profile changes. No Spring.
 */
@NullMarked
package ch.moveacces.platform.profile;

import org.jspecify.annotations.NullMarked;
