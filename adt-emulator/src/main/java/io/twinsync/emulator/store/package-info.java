/** The in-memory twin graph (models, twins, relationships), its operations, locking and snapshot form. */
package io.twinsync.emulator.store;
