import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../../openstack/errors';
import { DataNotices } from './data-notices';

describe('DataNotices', () => {
  it('says nothing when the data is whole', () => {
    const { container } = render(<DataNotices problems={[]} deletedServersError={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('lists data problems and a failed deleted-servers listing', () => {
    const err = new OpenStackError({
      code: 'forbidden',
      message: 'Policy does not allow',
      service: 'compute',
      status: 403,
      requestId: null,
    });
    render(
      <DataNotices
        problems={[{ kind: 'cycle', ids: ['a', 'b'], message: 'image a and image b point at each other' }]}
        deletedServersError={err}
      />,
    );
    const note = screen.getByRole('note', { name: 'Data notices' });
    expect(note).toHaveTextContent('1 problem in the data');
    expect(note).toHaveTextContent('image a and image b point at each other');
    expect(note).toHaveTextContent('Deleted servers could not be listed (Policy does not allow)');
  });
});
