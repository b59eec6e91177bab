#!/usr/bin/env node
'use strict';
require('../dist/compiler/cli/main.js').run(process.argv);
