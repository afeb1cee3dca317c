/**
 * The hash chain of the audit trail: what a row's hash covers ({@link ChainLink}), the salted
 * digest of its personal data ({@link PersonalData}), and the one byte encoding both use ({@link
 * CanonicalBytes}). Pure Java, shared by the recording, the verification and the command-line
 * verifier, so that all three compute the same bytes.
 */
@NullMarked
package ch.moveacces.audit.chain;

import org.jspecify.annotations.NullMarked;
