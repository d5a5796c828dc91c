/** ADT error codes and the exception that carries one from the store to the HTTP answer. */
package io.twinsync.emulator.error;
