/** @jest-environment jsdom */
/**
 * A component whose code is a chunk of its own (src/taskpane/app/later.tsx: the later steps and
 * the confirmation dialog): its placeholder while the code loads, the component once there, a
 * message when the fetch failed and a new try on the next render; rendered at once once loaded.
 */
import '@testing-library/jest-dom';
import './jsdom-polyfills';
import { act, render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';
import { later } from '../../src/taskpane/app/later';

function Placeholder({ failed }: { failed: boolean }) {
  return <p role="status">{failed ? 'could not load' : 'loading'}</p>;
}
function Step({ who }: { who: string }) {
  return <h2>step for {who}</h2>;
}

/** A loader the test resolves or rejects by hand, counting its calls. */
function controlledLoader() {
  const calls: Array<{ resolve: (c: ComponentType<{ who: string }>) => void; reject: (e: Error) => void }> = [];
  const load = () => new Promise<ComponentType<{ who: string }>>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

test('shows the placeholder while the code loads, then the component with its props', async () => {
  const { load, calls } = controlledLoader();
  const { Component } = later(load, Placeholder, 'Step');
  render(<Component who="Ana" />);
  expect(screen.getByRole('status')).toHaveTextContent('loading');
  expect(calls).toHaveLength(1);
  await act(async () => calls[0].resolve(Step));
  expect(screen.getByRole('heading')).toHaveTextContent('step for Ana');
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
});

test('a failed fetch says so; the next render tries again', async () => {
  const { load, calls } = controlledLoader();
  const { Component } = later(load, Placeholder, 'Step');
  const first = render(<Component who="Ana" />);
  await act(async () => calls[0].reject(new Error('offline')));
  expect(screen.getByRole('status')).toHaveTextContent('could not load');
  first.unmount();

  render(<Component who="Ana" />);
  expect(calls).toHaveLength(2);
  await act(async () => calls[1].resolve(Step));
  expect(screen.getByRole('heading')).toHaveTextContent('step for Ana');
});

test('once loaded (opened before, or preloaded), it renders at once, without fetching again', async () => {
  const { load, calls } = controlledLoader();
  const { Component, preload } = later(load, Placeholder, 'Step');
  const preloaded = preload();
  await act(async () => calls[0].resolve(Step));
  await expect(preloaded).resolves.toBeUndefined();
  render(<Component who="Bo" />);
  // No placeholder, not even for one render: the step is there synchronously.
  expect(screen.getByRole('heading')).toHaveTextContent('step for Bo');
  expect(calls).toHaveLength(1);
});

test('preload never rejects, and leaves a failed fetch to the next render', async () => {
  const { load, calls } = controlledLoader();
  const { Component, preload } = later(load, Placeholder, 'Step');
  const preloaded = preload();
  await act(async () => calls[0].reject(new Error('offline')));
  await expect(preloaded).resolves.toBeUndefined();
  render(<Component who="Cy" />);
  expect(calls).toHaveLength(2);
  expect(screen.getByRole('status')).toHaveTextContent('loading');
});
