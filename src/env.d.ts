/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The story being rendered, so `<Cite>` in its MDX can number and label what it cites. */
    story?: import('./lib/assemble/story').Story;
  }
}
