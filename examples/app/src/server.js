'use strict';
// Minimal stub of the orders API used by the Aurora DevOps demo workspace.
const express = require('express');

const app = express();
const port = Number(process.env.PORT || 3000);

app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
app.get('/orders', (_req, res) => res.json([]));

app.listen(port, () => {
  console.log(JSON.stringify({ level: 'info', msg: 'listening', port }));
});
