/** A small ERP schema (cost centres, sites, buildings, production lines, equipment) with seed data, per dialect. */
package io.twinsync.sample.erp;
