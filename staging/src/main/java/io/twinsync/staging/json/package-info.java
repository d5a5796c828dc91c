/** The JSON settings every staging file is read and written with, and canonical hashing. */
package io.twinsync.staging.json;
