import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Typography } from 'antd';
import { type DisclosureSettings, disclosureSettingsBody } from '../../../common/schemas/disclosure';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { DISCLOSURES_KEY } from './disclosureQueries';

function OptionList({ name, label }: { name: 'categories' | 'channels'; label: string }) {
  return (
    <>
      <Typography.Text strong>{label}</Typography.Text>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} align="baseline">
                <Form.Item name={[f.name, 'code']} style={{ flex: 1 }}>
                  <Input placeholder="代码（字母）" aria-label={`${label}代码`} />
                </Form.Item>
                <Form.Item name={[f.name, 'label']} style={{ flex: 1 }}>
                  <Input placeholder="名称" aria-label={`${label}名称`} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除" />
              </Flex>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add()}
              style={{ marginBottom: 16 }}
            >
              添加{label}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The union's category and channel lists; a code still used by an item cannot be removed. */
export function DisclosureSettingsModal({
  open,
  onClose,
  settings,
}: {
  open: boolean;
  onClose: () => void;
  settings: DisclosureSettings | undefined;
}) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return (
    <FormModal
      title="公开类别与渠道"
      open={open}
      onClose={onClose}
      schema={disclosureSettingsBody}
      initialValues={settings}
      toBody={(v) => v}
      onSubmit={async (body) => {
        await api.put('/disclosures/settings', body);
        await qc.invalidateQueries({ queryKey: DISCLOSURES_KEY });
        message.success('已保存');
        onClose();
      }}
    >
      <OptionList name="categories" label="公开类别" />
      <OptionList name="channels" label="公开渠道" />
    </FormModal>
  );
}
