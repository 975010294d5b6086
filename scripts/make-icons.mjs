#!/usr/bin/env node
/**
 * Application icons in every size from the one drawing build/icon.svg (run after changing it; the
 * outputs are committed because electron-builder reads them from build/, its buildResources):
 *   build/icons/<N>x<N>.png  16…1024 (Linux desktop entries, the deb and the AppImage)
 *   build/icon.png           1024×1024 (fallback for every platform)
 *   build/icon.ico           Windows (executable, installer, shortcuts)
 *   build/icon.icns          macOS
 * SVG → PNG with @resvg/resvg-js; ICO and ICNS with png2icons (both dev dependencies).
 *
 *   node scripts/make-icons.mjs
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const build = resolve(import.meta.dirname, '../build');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const svg = readFileSync(join(build, 'icon.svg'));

const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(join(build, 'icons'), { recursive: true });
for (const size of SIZES) writeFileSync(join(build, 'icons', `${size}x${size}.png`), render(size));
const master = render(1024);
writeFileSync(join(build, 'icon.png'), master);
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error('png2icons could not convert build/icon.png');
writeFileSync(join(build, 'icon.ico'), ico);
writeFileSync(join(build, 'icon.icns'), icns);
console.log(
  `icons: ${SIZES.length} PNG sizes, icon.png, icon.ico (${ico.length} B), icon.icns (${icns.length} B) in ${build}`,
);
