/**
 * Every external request starts its own trace at the gateway: the trace context a client sends is
 * dropped before tracing reads it, so nothing a client sends decides the trace id or the trace
 * state that services and events carry.
 */
@NullMarked
package ch.moveacces.gateway.tracing;

import org.jspecify.annotations.NullMarked;
