/** JSON Patch (RFC 6902) limited to what ADT accepts: add, replace and remove. */
package io.twinsync.emulator.patch;
