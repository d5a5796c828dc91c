/** The models a target instance holds, and how local models compare with them. */
package io.twinsync.writer.models;
