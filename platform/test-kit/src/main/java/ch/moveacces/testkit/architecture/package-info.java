/** The architecture rules every service and the gateway check on their own classes. */
package ch.moveacces.testkit.architecture;
