/** Transform: turns a batch's staged rows into one twin file per twin, following a mapping and the DTDL models. */
package io.twinsync.transform;
