/// <reference types="astro/client" />

// Two CommonJS packages without type declarations, typed as far as src/lib/outputs/fontfiles.ts uses them.
declare module 'subset-font' {
  /** harfbuzz's subsetter: the font cut to the characters of `text` (subset-font's README). */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'; keepFeatures?: string[] },
  ): Promise<Buffer>;
}

declare module 'fontverter' {
  /** The font in another container format: 'sfnt' (TrueType/OpenType), 'woff' or 'woff2' (fontverter's README). */
  export function convert(font: Buffer, toFormat: 'sfnt' | 'truetype' | 'woff' | 'woff2'): Promise<Buffer>;
  const fontverter: { convert: typeof convert };
  export default fontverter;
}

declare module 'virtual:verifiable-explainers/config' {
  /** The site integration's options as pages and the content config read them (src/integrations/index.ts). */
  const config: import('./integrations/index.ts').SiteConfig;
  export default config;
}

declare module 'virtual:verifiable-explainers/verifier' {
  /** The verifier's script, `/verify.mjs`, bundled from src/verify/main.ts (src/integrations/verifier.ts). */
  const script: string;
  export default script;
}
