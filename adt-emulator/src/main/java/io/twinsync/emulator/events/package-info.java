/** Event routes, their filter language, and the CloudEvents notifications the emulator writes to a local sink. */
package io.twinsync.emulator.events;
