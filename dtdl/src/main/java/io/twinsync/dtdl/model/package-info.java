/** What a read DTDL interface declares: contents, schemas and texts, independent of the JSON-LD they were read from. */
package io.twinsync.dtdl.model;
