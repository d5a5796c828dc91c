/** The Azure Digital Twins rules a twin file must meet before it leaves transform: id rules and size limits. */
package io.twinsync.transform.validate;
