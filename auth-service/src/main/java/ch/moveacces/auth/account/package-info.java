@NullMarked
package ch.moveacces.auth.account;

import org.jspecify.annotations.NullMarked;
